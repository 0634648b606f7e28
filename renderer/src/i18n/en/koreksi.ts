// Texts of the koreksi page (English).
export default {
  title: 'Review',
  subtitle: 'Review matching results, repair NIKs and settle element values',
  chooseBatch: 'Choose batch',
  noBatches: 'No matched batch yet. Import and match an agency file first.',
  batchOption: '#{{id}} · {{agency}} · {{file}} ({{rows}} rows)',
  loadingRows: 'Loading {{what}}…',
  rows: 'rows',
  strip: { total: 'Rows', left: 'To review', decisions: 'Decisions', repaired: 'NIK repaired', unrepairable: 'Unrepairable', reviewed: 'Reviewed', shown: 'Shown' },
  facets: {
    title: 'Filter', clear: 'Clear filters', active: 'Active filters', remove: 'Click to remove this filter', status: 'Status', reason: 'Reason', review: 'Review', dup: 'Duplicate NIK in file',
    xb: 'In another agency/program batch this year', imp: 'Import findings', repair: 'NIK repair', element: 'Element: {{name}}',
    values: {
      NEEDS: 'Needs review', DONE: 'Reviewed', OTHER: 'Not needed', yes: 'Yes', no: 'No', REPAIRED: 'Repaired',
      UNREPAIRABLE: 'Unrepairable', OPEN: 'Not yet', NONE: '—', NOT_COMPARED: 'Not compared', NO_REASON: 'No reason',
      NO_FINDING: 'No finding',
    },
  },
  col: { rowNo: 'Row', nikInput: 'NIK as sent', status: 'Status', reason: 'Reason', matchedNik: 'Repaired NIK', review: 'Review' },
  mark: { SESUAI: 'same', MIRIP: 'close', TIDAK_SESUAI: 'differs', KOSONG: 'empty' },
  choice: { AGENCY: 'Agency', SIAK: 'SIAK' },
  bulk: {
    title: 'For {{count, number}} filtered rows:', reviewed: 'Mark reviewed', unrepairable: 'Unrepairable', choice: "Use the agency's value for…",
    confirm: '"{{action}}" will change {{count, number}} of the {{shown, number}} rows shown. Other rows stay as they are.',
    none: 'No filtered row can be changed by this action.', go: 'Change {{count, number}} rows', done: '{{count, number}} rows changed.',
  },
  panel: {
    empty: 'Select a row in the table (click, or press J) to see its details.', row: 'Row {{row}}', sent: 'NIK as sent', field: 'Element',
    agency: 'Agency data', siak: 'SIAK', candidate: 'Candidate {{n}}', candidates: 'Candidates from SIAK', noCandidates: 'No candidates yet.',
    search: 'Search candidates again', searching: 'Searching candidates…', cancelSearch: 'Cancel', score: 'score {{score}}',
    suggested: 'suggested', becomes: 'becomes {{status}}', original: "The agency's original row", duplicate: 'Same NIK as row {{row}}',
    crossBatch: 'NIK also sent by: {{list}}', choose: 'Value used', notAllowed: "This agency's agreement does not allow SIAK values for this element.",
    hiddenField: 'not shown for your role', repairedTo: 'NIK repaired to {{nik}}', unrepairableMark: 'Marked unrepairable',
    reviewedMark: 'Reviewed', history: 'History of this row',
  },
  act: { accept: 'Accept candidate {{n}}', manual: 'Type NIK', unrepairable: 'Unrepairable', reviewed: 'Mark reviewed', undo: 'Undo', log: 'Correction log', help: 'Shortcuts' },
  manual: { label: 'Correct NIK', ok: 'NIK structure valid. Checked against SIAK when saved.', placeholder: '16 digits' },
  reasonForm: { title: 'Reason: {{action}}', code: 'Reason', text: 'Note', textRequired: 'Note (required for "Other")', submit: 'Save (Enter)', saving: 'Saving…' },
  reasons: {
    SALAH_KETIK: 'Typo', RUSAK_EXCEL: 'Damaged by Excel', DATA_OPD_LAMA: 'Agency data outdated', KONFIRMASI_OPD: 'Confirmed by agency',
    DOKUMEN_PENDUKUNG: 'Supporting document', LAINNYA: 'Other', OTOMATIS: 'Automatic', PEMBATALAN: 'Undo',
  },
  kinds: { NIK_CANDIDATE: 'Accept candidate', NIK_MANUAL: 'NIK typed', UNREPAIRABLE: 'Unrepairable', ELEMENT_CHOICE: 'Element value', REVIEWED: 'Reviewed', UNDO: 'Undo' },
  actionName: {
    ACCEPT_CANDIDATE: 'accept candidate {{n}} ({{nik}})', MANUAL_NIK: 'use NIK {{nik}}', UNREPAIRABLE: 'unrepairable',
    ELEMENT_CHOICE: '{{element}}: use {{choice}} value', MARK_REVIEWED: 'mark reviewed',
  },
  log: {
    title: 'Correction log', empty: 'No corrections in this batch yet.', who: 'By', when: 'When', row: 'Row {{row}}', auto: 'automatic',
    undone: 'undone by #{{id}}', undoes: 'undoes #{{id}}', undo: 'Undo', count: '{{count}} entries',
  },
  auto: {
    toggle: 'Automatic repair', hint: 'Only a single candidate whose name and birth date match exactly.',
    confirm: '{{count, number}} rows qualify for automatic repair. Apply now? All can be undone at once.', none: 'No row qualifies for automatic repair.',
    on: 'Automatic repair ON: {{count, number}} rows repaired automatically (marked "automatic" in the log).', undoAll: 'Undo all automatic repairs', apply: 'Apply',
  },
  help: {
    title: 'Keyboard shortcuts', next: 'Next row needing review', prev: 'Previous row needing review', accept: 'Accept the top (selected) candidate',
    candidate: 'Open candidate N', unrepairable: 'Mark unrepairable', undo: 'Undo your last decision', reviewed: 'Mark row reviewed',
    log: 'Open/close the correction log', help: 'Show/hide this help', esc: 'Close form or window', submit: 'In the reason form: save',
  },
  msg: {
    saved: 'Saved: {{what}}.', undone: 'Decision undone.', noRow: 'Select a row first.', noCandidate: 'This row has no candidates yet. Search again or type a NIK.',
    endOfList: 'No more rows needing review in this direction.', notApplicable: 'This decision does not change that row.',
  },
};
