// Bundles the server jar into the extension: ../server/target/modelcard-ls.jar → server/modelcard-ls.jar, with the
// JVM flags every launch uses: ../bin/jvm.options → server/jvm.options.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, '..', 'server', 'target', 'modelcard-ls.jar');
const to = join(root, 'server', 'modelcard-ls.jar');
if (!existsSync(from)) {
    console.error(`copy-server: ${from} is missing; build the server first: ./mvnw -q -B -DskipTests package (in the repository root)`);
    process.exit(1);
}
mkdirSync(dirname(to), { recursive: true });
copyFileSync(from, to);
console.log(`copy-server: ${from} → ${to}`);
const options = join(root, '..', 'bin', 'jvm.options');
copyFileSync(options, join(root, 'server', 'jvm.options'));
console.log(`copy-server: ${options} → server/jvm.options`);
