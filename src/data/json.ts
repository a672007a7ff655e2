/** a value as JSON carries it (jsonb columns, RPC results) */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
