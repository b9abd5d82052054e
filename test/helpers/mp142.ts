// The modification the Markdown and pull-request report tests add on a branch: system-impacting, approved
// into the June 2020 release after its cut-off (so it moves the RID to 2.0 and needs an exception).
export const MP142 = `id: MP142
title: Smart Meter Device Assurance for prepayment meters
status: approved
systemImpact: true
implementation:
  release: 2020-06
  addedToScope: 2020-01-15
`;
