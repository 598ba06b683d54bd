import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { engines } from '../package.json';

// Plain JavaScript run before anything is built; required here as it is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeVersionProblem } = require('./require-node.js') as {
  nodeVersionProblem(engines: string, version: string): string | null;
};

describe('require-node (npm start on an older Node)', () => {
  it('names the needed and the running version in one line', () => {
    const problem = nodeVersionProblem('>=24', '20.20.2');
    expect(problem).toContain('needs Node.js 24 or newer');
    expect(problem).toContain('this is Node.js 20.20.2');
    expect(problem).not.toContain('\n');
  });

  it('lets the needed major and anything newer through', () => {
    expect(nodeVersionProblem('>=24', '24.0.0')).toBeNull();
    expect(nodeVersionProblem('>=24', '26.1.0')).toBeNull();
    expect(nodeVersionProblem('>=24', '23.11.1')).not.toBeNull();
  });

  it('as a script, exits 1 with that line exactly when this Node is older than engines', () => {
    const older = Number(process.versions.node.split('.')[0]) < Number(/(\d+)/.exec(engines.node)![1]);
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [join(__dirname, 'require-node.js')], { stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(older ? 1 : 0);
    expect(stderr.trim()).toBe(older ? nodeVersionProblem(engines.node, process.versions.node) : '');
  });
});
