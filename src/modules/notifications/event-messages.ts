/**
 * The text of a notification about an approval, in both languages. Pure: built from the outbox
 * event's payload.
 */
export interface Message {
  en: string;
  zh: string;
}

const HOLD_ZH: Record<string, string> = {
  compliance: '合规', credit: '信用', price: '价格', contract: '合同', stock: '库存', anomaly: '异常',
};

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function approvalTaskMessage(p: Record<string, unknown>): Message {
  const hold = str(p.holdType);
  return {
    en: `Approval needed: order ${str(p.number)} is on a ${hold} hold (step ${str(p.stepNo)})`,
    zh: `待审批：订单 ${str(p.number)} 因${HOLD_ZH[hold] ?? hold}原因被冻结（第${str(p.stepNo)}步）`,
  };
}

export function escalationMessage(p: Record<string, unknown>): Message {
  const hold = str(p.holdType);
  const hours = str(p.afterHours);
  if (p.mode === 'add_approver') {
    return {
      en: `Escalated to you: the ${hold} approval of order ${str(p.number)} has waited ${hours} h for ${str(p.role)}; you may decide it now`,
      zh: `升级审批：订单 ${str(p.number)} 的${HOLD_ZH[hold] ?? hold}审批已等待${str(p.role)} ${hours} 小时，现在您也可以审批`,
    };
  }
  return {
    en: `Overdue: the ${hold} approval of order ${str(p.number)} has waited ${hours} h for ${str(p.role)}`,
    zh: `审批超时：订单 ${str(p.number)} 的${HOLD_ZH[hold] ?? hold}审批已等待${str(p.role)} ${hours} 小时`,
  };
}

/** A rule's `notify` action carries its own message; the order number is put in front. */
export function ruleMessage(p: Record<string, unknown>): Message {
  const m = (p.message ?? {}) as Partial<Message>;
  const number = str(p.number);
  return { en: `${number}: ${m.en ?? ''}`, zh: `${number}：${m.zh ?? m.en ?? ''}` };
}

/** A refused electronic signature, for the administrators (a possible attempt at unauthorised use). */
export function refusedSignatureMessage(p: Record<string, unknown>): Message {
  const signer = str(p.signer);
  return p.field === 'username'
    ? { en: `Signature refused: ${signer} signed with another user's name`, zh: `电子签名被拒绝：${signer} 使用了其他用户名` }
    : { en: `Signature refused: ${signer} entered a wrong password`, zh: `电子签名被拒绝：${signer} 密码错误` };
}
