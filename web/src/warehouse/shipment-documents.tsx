import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { bi } from '../i18n/i18n';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading } from '../components/feedback';
import { dateTime } from '../format';

/** The shipment's documents, each a PDF download (the copy on record when one was generated). */
export function ShipmentDocumentsList({ shipmentId }: { shipmentId: string }) {
  const { t, i18n } = useTranslation();
  const docs = useLoad(
    () => api.get('/api/v1/shipments/{id}/documents', { path: { id: shipmentId } }),
    [shipmentId],
  );
  return (
    <>
      <h2>{t('ship.documents')}</h2>
      <ErrorBox error={docs.error} />
      <Loading when={docs.loading && !docs.data} />
      {docs.data && (
        <table className="doc-links" data-testid="documents">
          <tbody>
            {docs.data.documents.map((d) => (
              <tr key={d.kind}>
                <td>{bi(d.title, i18n.language)}</td>
                <td className="muted small">
                  {d.recorded
                    ? t('ship.recorded', { at: dateTime(d.recorded.generatedAt, i18n.language) })
                    : t('ship.drawnOnRequest')}
                </td>
                <td>
                  <a
                    href={`/api/v1/shipments/${encodeURIComponent(shipmentId)}/documents/${d.kind}`}
                    download
                    data-kind={d.kind}
                  >
                    {t('ship.download')} PDF
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
