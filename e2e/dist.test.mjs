// dist/ as a static host reads it (issue 13.8): every file and folder readable by any
// user, even when built under umask 077 (make e2e builds it so), because a host serving
// as another user answered 403 on a 0700 folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

test('dist/ is world-readable', () => {
  const bad = [];
  let n = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = statSync(p);
      const want = st.isDirectory() ? 0o005 : 0o004;
      if ((st.mode & want) !== want) bad.push(`${p} ${(st.mode & 0o777).toString(8)}`);
      n++;
      if (st.isDirectory()) walk(p);
    }
  };
  walk(join(ROOT, 'dist'));
  assert.ok(n > 10, `dist/ has ${n} entries`);
  assert.deepEqual(bad, []);
});
