import './styles.css';
import { gql, onSessionEnd, session } from './api';
import { LOGOUT } from './ops';
import './pages/admin';
import './pages/login';
import './pages/settings';
import { forgetUser, navigate, route, startRouter } from './router';

route(/^\/$/, 'public', () => navigate(session.token ? '/settings' : '/login', { replace: true }));

onSessionEnd(() => {
  forgetUser();
  navigate(`/login?next=${encodeURIComponent(location.pathname)}`, { replace: true });
});

startRouter(async () => {
  try {
    await gql(LOGOUT);
  } catch {
    // the session may already be gone: signing out locally is what matters
  }
  session.clear();
  forgetUser();
  navigate('/login');
});
