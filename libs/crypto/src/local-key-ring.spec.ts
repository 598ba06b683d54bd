import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Envelope } from './envelope';
import { keyWrapperFromSettings } from './key-wrapper-from-env';
import { addKeyToDirectory, loadKeyDirectory, localKekId } from './local-key-ring';

const context = { purpose: 'identity.totp', userId: 'u-1' };

describe('local key-encryption keys', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'finstack-keys-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('makes DATA_DIR/keys with mode 0700 and the key file with 0600 on first use, and reuses it', async () => {
    const first = keyWrapperFromSettings({ DATA_DIR: dataDir });
    const dir = join(dataDir, 'keys');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir).filter((name) => name.endsWith('.key'));
    expect(files).toHaveLength(1);
    expect(statSync(join(dir, files[0]!)).mode & 0o777).toBe(0o600);
    const sealed = await new Envelope(first).seal('secret', context);
    const again = keyWrapperFromSettings({ DATA_DIR: dataDir });
    expect(again.currentKekId).toBe(first.currentKekId);
    await expect(new Envelope(again).openText(sealed, context)).resolves.toBe('secret');
  });

  it('after a key is added, the new one is current and the old one still unwraps', async () => {
    const dir = join(dataDir, 'keys');
    const before = loadKeyDirectory(dir);
    const sealed = await new Envelope(before).seal('secret', context);
    const added = addKeyToDirectory(dir);
    const after = loadKeyDirectory(dir);
    expect(after.currentKekId).toBe(localKekId(added));
    expect(readFileSync(join(dir, 'current'), 'utf8').trim()).toBe(localKekId(added));
    await expect(new Envelope(after).openText(sealed, context)).resolves.toBe('secret');
  });

  it('takes LOCAL_KEK, and LOCAL_KEK_PREVIOUS to open values of the key before', async () => {
    const old = randomBytes(32);
    const sealed = await new Envelope(keyWrapperFromSettings({ DATA_DIR: dataDir, LOCAL_KEK: old.toString('base64') })).seal('s', context);
    const rotated = keyWrapperFromSettings({
      DATA_DIR: dataDir,
      LOCAL_KEK: randomBytes(32).toString('base64'),
      LOCAL_KEK_PREVIOUS: old.toString('base64'),
    });
    await expect(new Envelope(rotated).openText(sealed, context)).resolves.toBe('s');
    // LOCAL_KEK never touches the key directory.
    expect(() => statSync(join(dataDir, 'keys'))).toThrow();
  });

  it('refuses a LOCAL_KEK that is not 32 bytes', () => {
    expect(() => keyWrapperFromSettings({ DATA_DIR: dataDir, LOCAL_KEK: 'c2hvcnQ=' })).toThrow(/LOCAL_KEK must be the base64 of 32 random bytes/);
  });
});
