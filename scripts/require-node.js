#!/usr/bin/env node
/**
 * Runs first in `npm start`: on a Node.js older than package.json's
 * engines.node, says in one line which version finstack needs and stops,
 * instead of failing later in a native addon or an unknown API. Plain
 * JavaScript that any old Node parses: nothing is built or installed yet.
 */

/** The one-line complaint, or null when `version` satisfies `engines` (">=24"). */
function nodeVersionProblem(engines, version) {
  var needed = Number(/(\d+)/.exec(engines)[1]);
  var have = Number(version.split('.')[0]);
  if (have >= needed) return null;
  return (
    'finstack needs Node.js ' + needed + ' or newer (package.json engines "' + engines + '"); this is Node.js ' +
    version + '. Install Node.js ' + needed + ' LTS, or run `. .ci/use-node.sh` to fetch it from npm.'
  );
}

module.exports = { nodeVersionProblem: nodeVersionProblem };

if (require.main === module) {
  var problem = nodeVersionProblem(require('../package.json').engines.node, process.versions.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
