// Makes sure Debian's Chromium (and CJK fonts, so Chinese screenshots are legible) are installed.
// Browser tests never download a browser: they drive /usr/bin/chromium. On a fresh Debian machine, as
// root, this installs the packages with apt-get; otherwise it says what to install and fails.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

function installed(pkg) {
  return spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;
}

export function ensureChromium() {
  const missing = PACKAGES.filter((pkg) => !installed(pkg));
  if (existsSync(CHROMIUM) && missing.length === 0) return;
  if (missing.length === 0 && existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('which', ['apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    if (existsSync(CHROMIUM)) return; // fonts are nice to have; the tests can run without them
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it: sudo apt-get install -y ${PACKAGES.join(' ')}`,
    );
  }
  console.log(`Installing ${missing.join(' ')} with apt-get (once per machine)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
