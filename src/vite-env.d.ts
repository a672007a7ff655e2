/// <reference types="vite/client" />

// The two values vite.config.ts bakes into the build (with local-stack defaults).
interface ImportMetaEnv {
  readonly VITE_SUPABASE_URL: string;
  readonly VITE_SUPABASE_ANON_KEY: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
