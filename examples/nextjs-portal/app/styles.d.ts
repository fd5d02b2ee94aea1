// Next.js bundles the stylesheet imports; its generated next-env.d.ts declares them too.
declare module "*.css";
