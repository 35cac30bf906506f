import * as m from 'rrule';
const { RRule } = (m as any).RRule ? m as any : (m as any).default;
for (const s of ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', 'FREQ=FORTNIGHTLY', 'FREQ=WEEKLY;BYDAY=XX', 'every tuesday', 'INTERVAL=2', 'FREQ=WEEKLY;UNTIL=20270630', 'FREQ=WEEKLY;FOO=1', 'FREQ=WEEKLY;INTERVAL=abc', 'FREQ=MONTHLY;BYDAY=2TU', '', 'FREQ=WEEKLY;DTSTART=20260101T000000Z','RRULE:FREQ=DAILY;COUNT=3', 'FREQ=WEEKLY;COUNT=-1', 'FREQ=WEEKLY;BYMONTH=13']) {
  try { const o = RRule.parseString(s); console.log(JSON.stringify(s), '=>', JSON.stringify(o)); try { const r = new RRule({ ...o, dtstart: new Date(Date.UTC(2026,8,8,18)) }); console.log('   all3', r.all((d,i)=>i<3).map(d=>d.toISOString())); } catch(e) { console.log('   construct error', e.message); } } catch (e) { console.log(JSON.stringify(s), 'ERR', e.message); }
}
