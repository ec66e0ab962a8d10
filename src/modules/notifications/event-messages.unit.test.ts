import { describe, expect, it } from 'vitest';
import { approvalTaskMessage, escalationMessage, refusedSignatureMessage, ruleMessage } from './event-messages.ts';

describe('notification texts', () => {
  it('given a new approval task, when worded, then both languages name the order, hold and step', () => {
    expect(approvalTaskMessage({ number: 'SO-2026-000001', holdType: 'compliance', stepNo: 1 })).toEqual({
      en: 'Approval needed: order SO-2026-000001 is on a compliance hold (step 1)',
      zh: '待审批：订单 SO-2026-000001 因合规原因被冻结（第1步）',
    });
  });

  it('given an escalation that adds an approver, when worded, then it says the role may decide now', () => {
    const m = escalationMessage({ number: 'SO-1', holdType: 'anomaly', role: 'customer_service', mode: 'add_approver', afterHours: 8 });
    expect(m.en).toBe('Escalated to you: the anomaly approval of order SO-1 has waited 8 h for customer_service; you may decide it now');
    expect(m.zh).toContain('现在您也可以审批');
  });

  it('given an escalation that notifies, when worded, then it says the approval is overdue', () => {
    expect(escalationMessage({ number: 'SO-1', holdType: 'credit', role: 'finance', mode: 'notify', afterHours: 24 }).en)
      .toBe('Overdue: the credit approval of order SO-1 has waited 24 h for finance');
  });

  it('given a rule’s notify action, when worded, then the order number leads its message', () => {
    expect(ruleMessage({ number: 'SO-9', message: { en: 'big order', zh: '大订单' } })).toEqual({ en: 'SO-9: big order', zh: 'SO-9：大订单' });
  });

  it('given a refused signature, when worded, then it names the signer and what was wrong', () => {
    expect(refusedSignatureMessage({ signer: 'Li Wei', field: 'password' })).toEqual({
      en: 'Signature refused: Li Wei entered a wrong password', zh: '电子签名被拒绝：Li Wei 密码错误' });
    expect(refusedSignatureMessage({ signer: 'Li Wei', field: 'username' }).en).toBe("Signature refused: Li Wei signed with another user's name");
  });
});
