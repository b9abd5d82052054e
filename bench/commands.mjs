// The secrel commands the scale benchmark runs at every size, cold and warm: the ones issue 16 asks to
// grow linearly and stay under the memory budget. `out`: the command writes a folder, emptied before
// each run so every file is written afresh.
export const SCALE_COMMANDS = [
  { id: 'validate', label: 'validate', args: ['validate'] },
  { id: 'check', label: 'check', args: ['check'] },
  { id: 'plan', label: 'plan --format json', args: ['plan', '--format', 'json'] },
  { id: 'rid', label: 'render rid', args: ['render', 'rid'], out: true },
  { id: 'site', label: 'render site', args: ['render', 'site'], out: true },
];
