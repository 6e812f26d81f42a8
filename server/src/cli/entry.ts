import { main } from './main';

// The bundled command line (dist/cli.js) that bin/fleet-roles.js runs: one file loads faster than hundreds.
void main(process.argv.slice(2)).then(code => {
  if (code >= 0) process.exitCode = code;
});
