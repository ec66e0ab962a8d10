import { BrowserRouter, Navigate, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from './session';
import { Layout } from './components/layout';
import { ErrorBoundary } from './components/error-boundary';
import { LoginScreen } from './screens/login';
import { NotFound } from './screens/not-found';
import { allowedScreens, homePath } from './screen-registry';
import type { Me } from './api/views';

/** After signing in: back to the address that asked for it (same site only), else the user's home screen. */
function AfterLogin({ me }: { me: Me }) {
  const [params] = useSearchParams();
  const next = params.get('next');
  return (
    <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : homePath(me)} replace />
  );
}

function Routed() {
  const { me, loading } = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  if (loading) return <p className="muted">{t('common.loading')}</p>;
  if (!me) {
    if (location.pathname === '/login') return <LoginScreen />;
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return (
    <Layout>
      <ErrorBoundary resetKey={location.pathname}>
        <Routes>
          <Route path="/" element={<Navigate to={homePath(me)} replace />} />
          <Route path="/login" element={<AfterLogin me={me} />} />
          {allowedScreens(me).map((s) => (
            <Route key={s.path} path={s.path} element={s.element} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </ErrorBoundary>
    </Layout>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Routed />
    </BrowserRouter>
  );
}
