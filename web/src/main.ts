import './styles.css';
import { gql, onEnrollmentRequired, onSessionEnd, session } from './api';
import { LOGOUT } from './ops';
import './pages/add-user'; // before admin: /admin/users/new must match ahead of /admin/users/:id
import './pages/admin';
import './pages/enroll';
import './pages/login';
import './pages/policy';
import './pages/reset-password';
import './pages/settings';
import { currentUser, ENROLL_PATH, forgetUser, navigate, route, startRouter } from './router';

route(/^\/$/, 'public', async () => navigate((await currentUser()) ? '/settings' : '/login', { replace: true }));

onEnrollmentRequired(() => {
  forgetUser(); // the cached user says what the session may do: read it again
  if (location.pathname !== ENROLL_PATH) navigate(ENROLL_PATH, { replace: true });
});

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
  // logout cleared the cookie; this tab forgets the user (other tabs find out on their next request).
  session.clear();
  forgetUser();
  navigate('/login');
});
