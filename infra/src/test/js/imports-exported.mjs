// Every name a console module imports is exported by the module it names (a dropped export once gave a blank page).
// Run: node infra/src/test/js/imports-exported.mjs [static-dir]; prints each missing name and exits 1 if any.
import {readFileSync, readdirSync, statSync, existsSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';

const root = resolve(process.argv[2] || 'infra/src/main/resources/static/assets');
const files = [];
(function walk(dir) {
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
            walk(path);
        } else if (path.endsWith('.js')) {
            files.push(path);
        }
    }
})(root);

function exportsOf(path) {
    const text = readFileSync(path, 'utf8');
    const names = new Set();
    for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) {
        names.add(m[1]);
    }
    for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
        m[1].split(',').map(s => s.trim()).filter(Boolean).forEach(s => names.add(s.split(/\s+as\s+/).pop()));
    }
    return names;
}

let missing = 0;
for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
        if (!m[2].startsWith('.')) {
            continue;
        }
        const target = resolve(dirname(file), m[2]);
        if (!existsSync(target)) {
            console.log(`${file}: imports from ${m[2]}, which does not exist`);
            missing++;
            continue;
        }
        const exported = exportsOf(target);
        for (const name of m[1].split(',').map(s => s.trim().split(/\s+as\s+/)[0]).filter(Boolean)) {
            if (!exported.has(name)) {
                console.log(`${file}: ${name} is not exported by ${m[2]}`);
                missing++;
            }
        }
    }
}
console.log(`${files.length} modules checked, ${missing} missing`);
process.exit(missing ? 1 : 0);
