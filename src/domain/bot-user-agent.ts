// Obvious bots by their User-Agent, dropped before anything is counted (as
// Plausible drops them, Headless Chrome included). Not a defence against a
// determined forger — the per-IP and per-site limits are — only a way to keep
// crawlers, link-preview fetchers, audits and scripts out of a coach's figures.
// An empty User-Agent is a script too: every browser sends one.

/** lowercase fragments; one anywhere in the User-Agent marks a bot */
export const BOT_USER_AGENT_MARKERS: readonly string[] = [
  // crawlers and their families (Googlebot, bingbot, YandexBot, Applebot, …)
  'bot',
  'crawl',
  'spider',
  'slurp',
  'yandex',
  'baiduspider',
  'mediapartners',
  'archiver',
  // headless and automated browsers, audits
  'headless',
  'phantomjs',
  'electron',
  'puppeteer',
  'playwright',
  'selenium',
  'webdriver',
  'lighthouse',
  'pagespeed',
  'chrome-lighthouse',
  'gtmetrix',
  'pingdom',
  'uptime',
  'monitor',
  // link-preview fetchers of messengers and social networks
  'facebookexternalhit',
  'facebookcatalog',
  // (TelegramBot is a bot; Telegram's in-app browser, a person, says Telegram-Android)
  'whatsapp/',
  'vkshare',
  'skypeuripreview',
  'embedly',
  'preview',
  'quora link',
  'outbrain',
  'pinterest',
  // command-line tools and HTTP libraries
  'curl',
  'wget',
  'python',
  'httpie',
  'go-http-client',
  'java/',
  'okhttp',
  'axios',
  'node-fetch',
  'undici',
  'libwww',
  'httpclient',
  'scrapy',
  'postman',
  'insomnia',
  'deno/',
  'bun/',
];

export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  const ua = (userAgent ?? '').trim().toLowerCase();
  if (ua === '') return true;
  return BOT_USER_AGENT_MARKERS.some((marker) => ua.includes(marker));
}
