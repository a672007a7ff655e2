// The messages feature's public entry: what other features and the shell may use.
export { messagesStrings } from './messages-strings.ts';
export { MessagesLink } from './messages-link.ts';
