export async function main(argv: readonly string[]): Promise<number> { void argv; return 0; }
