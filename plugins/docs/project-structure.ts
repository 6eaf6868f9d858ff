/** The folders of the planned files as a tree, one line per folder with what it holds. */
import { code } from './markdown.js';

export interface TreeFile {
  path: string;
  owner: string;
}

interface Folder {
  name: string;
  path: string;
  files: number;
  owners: Set<string>;
  children: Map<string, Folder>;
}

/**
 * `backend/`, `├── app/`, `│   ├── core/` ... each followed by its description (or, for a
 * folder nobody described, the plugins whose files it holds) and its own file count.
 * Linear in the number of path segments.
 */
export function folderTree(files: readonly TreeFile[], describe: (folder: string) => string | undefined): string[] {
  const root: Folder = { name: '', path: '', files: 0, owners: new Set(), children: new Map() };
  for (const file of files) {
    const parts = file.path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let child = folder.children.get(part);
      if (!child) {
        child = { name: part, path: folder.path === '' ? part : `${folder.path}/${part}`, files: 0, owners: new Set(), children: new Map() };
        folder.children.set(part, child);
      }
      folder = child;
    }
    folder.files += 1;
    folder.owners.add(file.owner);
  }
  const rows: [string, string][] = [];
  const visit = (folder: Folder, indent: string, branch: string) => {
    const described = describe(folder.path) ?? (folder.owners.size > 0 ? `Files of ${[...folder.owners].sort().map(code).join(', ')}.` : '');
    const count = folder.files === 0 ? '' : ` (${folder.files} ${folder.files === 1 ? 'file' : 'files'})`;
    rows.push([`${indent}${branch}${folder.name}/`, `${described}${count}`.trim()]);
    const children = sortedChildren(folder);
    const childIndent = branch === '' ? indent : `${indent}${branch === '└── ' ? '    ' : '│   '}`;
    children.forEach((child, i) => visit(child, childIndent, i === children.length - 1 ? '└── ' : '├── '));
  };
  for (const top of sortedChildren(root)) visit(top, '', '');
  const width = Math.max(0, ...rows.map(([tree]) => tree.length));
  return rows.map(([tree, text]) => (text === '' ? tree : `${tree.padEnd(width)}  ${text}`));
}

function sortedChildren(folder: Folder): Folder[] {
  return [...folder.children.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
