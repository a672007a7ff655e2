/// <reference types="vite/client" />

// The two values vite.config.ts bakes into the build (with local-stack defaults):
// the fallback when the server has no /runtime-config.json (src/data/runtime-config.ts).
interface ImportMetaEnv {
  readonly VITE_SUPABASE_URL: string;
  readonly VITE_SUPABASE_ANON_KEY: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
