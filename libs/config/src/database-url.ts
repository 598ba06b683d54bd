/**
 * DATABASE_URL with DATABASE_USER and DATABASE_PASSWORD in place of its own
 * credentials, each encoded for the URL (TypeORM decodes them). This lets a
 * secrets store hand the password over on its own (ECS `secrets`) while the
 * URL stays plain configuration without it.
 */
export function databaseUrlWithCredentials(url: string, user?: string, password?: string): string {
  if (user === undefined && password === undefined) return url;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0];
  if (!scheme) return url; // not a URL: validation names it
  const rest = url.slice(scheme.length);
  const pathStart = rest.indexOf('/');
  const authority = pathStart === -1 ? rest : rest.slice(0, pathStart);
  const path = pathStart === -1 ? '' : rest.slice(pathStart);
  const at = authority.lastIndexOf('@');
  const credentials = at === -1 ? '' : authority.slice(0, at);
  const host = authority.slice(at + 1);
  const colon = credentials.indexOf(':');
  const ownUser = colon === -1 ? credentials : credentials.slice(0, colon);
  const ownPassword = colon === -1 ? undefined : credentials.slice(colon + 1);
  const finalUser = user !== undefined ? encodeURIComponent(user) : ownUser;
  const finalPassword = password !== undefined ? encodeURIComponent(password) : ownPassword;
  return `${scheme}${finalUser}${finalPassword !== undefined ? `:${finalPassword}` : ''}@${host}${path}`;
}
