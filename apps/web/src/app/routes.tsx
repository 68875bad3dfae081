import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { NetworkRole } from '@lcc/contracts';
import { useSession } from '../api/session';
import { Loading } from '../ui/states';
import { Layout } from './Layout';

// Every page is its own chunk; the first visit loads only the shell and the page it opens.
const SignInPage = lazy(() => import('../pages/auth/SignInPage'));
const RegisterPage = lazy(() => import('../pages/auth/RegisterPage'));
const ChangePasswordPage = lazy(() => import('../pages/auth/ChangePasswordPage'));
const HomePage = lazy(() => import('../pages/home/HomePage'));
const WelcomePage = lazy(() => import('../pages/home/WelcomePage'));
const DirectoryPage = lazy(() => import('../pages/directory/DirectoryPage'));
const MemberPage = lazy(() => import('../pages/directory/MemberPage'));
const SettingsPage = lazy(() => import('../pages/directory/SettingsPage'));
const GroupsPage = lazy(() => import('../pages/groups/GroupsPage'));
const GroupPage = lazy(() => import('../pages/groups/GroupPage'));
const MeetingsPage = lazy(() => import('../pages/meetings/MeetingsPage'));
const MeetingPage = lazy(() => import('../pages/meetings/MeetingPage'));
const ScheduleMeetingPage = lazy(() => import('../pages/meetings/ScheduleMeetingPage'));
const NewPollPage = lazy(() => import('../pages/meetings/NewPollPage'));
const PollPage = lazy(() => import('../pages/meetings/PollPage'));
const DocumentsPage = lazy(() => import('../pages/documents/DocumentsPage'));
const DocumentPage = lazy(() => import('../pages/documents/DocumentPage'));
const UploadPage = lazy(() => import('../pages/documents/UploadPage'));
const RoomsPage = lazy(() => import('../pages/discussions/RoomsPage'));
const RoomDirectoryPage = lazy(() => import('../pages/discussions/RoomDirectoryPage'));
const SearchPage = lazy(() => import('../pages/search/SearchPage'));
const AdminPage = lazy(() => import('../pages/admin/AdminPage'));
const CitiesPage = lazy(() => import('../pages/cities/CitiesPage'));
const CityPage = lazy(() => import('../pages/cities/CityPage'));
const ComparePage = lazy(() => import('../pages/cities/ComparePage'));
const EcoLabelsPage = lazy(() => import('../pages/eco-labels/EcoLabelsPage'));
const SchemePage = lazy(() => import('../pages/eco-labels/SchemePage'));
const SchemeComparePage = lazy(() => import('../pages/eco-labels/SchemeComparePage'));
const ForgotPasswordPage = lazy(() => import('../pages/mail/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../pages/mail/ResetPasswordPage'));
const ConfirmEmailPage = lazy(() => import('../pages/mail/ConfirmEmailPage'));
const InvitationsPage = lazy(() => import('../pages/mail/InvitationsPage'));
const OutboxPage = lazy(() => import('../pages/mail/OutboxPage'));

function RequireMember({ children, roles }: { children: ReactNode; roles?: NetworkRole[] }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  if (state.member.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  if (roles && !roles.includes(state.member.role)) return <Navigate to="/" replace />;
  return <>{children}</>;
}

function Home() {
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  return state.status === 'signed_in' ? <HomePage /> : <WelcomePage />;
}

const member = (page: ReactNode) => <RequireMember>{page}</RequireMember>;
const staff = [NetworkRole.Admin, NetworkRole.Coordinator];

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route
          index
          element={
            <Suspense fallback={<Loading />}>
              <Home />
            </Suspense>
          }
        />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="confirm-email" element={<ConfirmEmailPage />} />
        <Route path="library" element={<DocumentsPage publicOnly />} />
        <Route path="change-password" element={member(<ChangePasswordPage />)} />
        <Route path="directory" element={member(<DirectoryPage />)} />
        <Route path="members/:id" element={member(<MemberPage />)} />
        <Route path="settings" element={member(<SettingsPage />)} />
        <Route path="groups" element={member(<GroupsPage />)} />
        <Route path="groups/:id" element={member(<GroupPage />)} />
        <Route path="groups/:id/schedule" element={member(<ScheduleMeetingPage />)} />
        <Route path="groups/:id/polls/new" element={member(<NewPollPage />)} />
        <Route path="meetings" element={member(<MeetingsPage />)} />
        <Route path="meetings/:id" element={member(<MeetingPage />)} />
        <Route path="polls/:id" element={member(<PollPage />)} />
        <Route path="documents" element={member(<DocumentsPage />)} />
        <Route path="documents/upload" element={member(<UploadPage />)} />
        <Route path="documents/:id" element={<DocumentPage />} />
        <Route path="rooms" element={member(<RoomsPage />)} />
        <Route path="rooms/directory" element={member(<RoomDirectoryPage />)} />
        <Route path="rooms/threads" element={member(<RoomsPage threads />)} />
        <Route path="rooms/:id" element={member(<RoomsPage />)} />
        {/* A message's permalink: the same page (it stays mounted between the two), the room opened at it. */}
        <Route path="rooms/:id/messages/:seq" element={member(<RoomsPage />)} />
        <Route path="search" element={member(<SearchPage />)} />
        <Route path="cities" element={<CitiesPage />} />
        <Route path="cities/:id" element={<CityPage />} />
        <Route path="compare" element={<ComparePage />} />
        <Route path="eco-labels" element={<EcoLabelsPage />} />
        <Route path="eco-labels/schemes/:id" element={<SchemePage />} />
        <Route path="eco-labels/compare" element={<SchemeComparePage />} />
        <Route path="admin" element={<RequireMember roles={staff}>{<AdminPage />}</RequireMember>} />
        <Route path="admin/invitations" element={<RequireMember roles={staff}>{<InvitationsPage />}</RequireMember>} />
        <Route
          path="admin/outbox"
          element={<RequireMember roles={[NetworkRole.Admin]}>{<OutboxPage />}</RequireMember>}
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function NotFound() {
  return <Navigate to="/" replace />;
}
