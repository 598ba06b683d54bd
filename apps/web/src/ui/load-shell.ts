/** The signed-in shell's code, asked for once (the sign-in page warms it while the person types). */
let shell: Promise<typeof import('./shell')> | null = null;
export const loadShell = () => (shell ??= import('./shell'));
