// Environment access that type-checks under both Deno and Node (tsc knows no `Deno`).
interface DenoLike {
  env: { get(name: string): string | undefined };
  serve(handler: (req: Request) => Response | Promise<Response>): unknown;
}

export function deno(): DenoLike {
  const d = (globalThis as unknown as { Deno?: DenoLike }).Deno;
  if (!d) throw new Error('not running in Deno');
  return d;
}
