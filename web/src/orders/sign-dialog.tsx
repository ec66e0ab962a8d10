import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { InboxTask } from '../api/views';
import { SignatureDialog } from '../components/signature-dialog';
import { bi } from '../i18n/i18n';

const MEANINGS = ['released', 'approved', 'reviewed', 'rejected'] as const;
type Meaning = (typeof MEANINGS)[number];

/** Quality's decision on a hold, signed: approve (release) or reject, with user name, password and a comment. */
export function SignDialog({ task, onClose }: { task: InboxTask; onClose: (signed: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [meaning, setMeaning] = useState<Meaning>('released');
  const [comment, setComment] = useState('');

  function choose(d: 'approve' | 'reject') {
    setDecision(d);
    setMeaning(d === 'reject' ? 'rejected' : 'released');
  }

  return (
    <SignatureDialog
      title={t('sign.title', { number: task.order?.number ?? '' })}
      meanings={MEANINGS.filter((m) => (decision === 'reject') === (m === 'rejected'))}
      meaning={meaning}
      onMeaning={(m) => setMeaning(m as Meaning)}
      askUsername
      submitLabel={t('sign.submit')}
      sign={({ username, password }) =>
        api.post('/api/v1/approvals/tasks/{taskId}/decide', {
          path: { taskId: task.taskId },
          body: { decision, meaning, username, password, ...(comment ? { comment } : {}) },
        })
      }
      onClose={onClose}
      after={
        <label>
          {t('sign.comment')}
          <textarea
            name="comment"
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
      }
    >
      {task.hold && (
        <p>
          {t(`hold.${task.hold.type}`)}: {bi(task.hold.reason, i18n.language)}
        </p>
      )}
      <fieldset>
        <legend>{t('sign.decision')}</legend>
        <label className="inline">
          <input
            type="radio"
            name="decision"
            checked={decision === 'approve'}
            onChange={() => choose('approve')}
          />
          {t('sign.approve')}
        </label>
        <label className="inline">
          <input
            type="radio"
            name="decision"
            checked={decision === 'reject'}
            onChange={() => choose('reject')}
          />
          {t('sign.reject')}
        </label>
      </fieldset>
    </SignatureDialog>
  );
}
