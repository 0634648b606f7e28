import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { RegistryStatus } from './components/RegistryStatus.tsx';
import { SessionGate } from './components/SessionGate.tsx';
import AuditPage from './pages/Audit.tsx';
import BerandaPage from './pages/Beranda.tsx';
import ImporPage from './pages/Impor.tsx';
import KoreksiPage from './pages/Koreksi.tsx';
import LaporanPage from './pages/Laporan.tsx';
import PengaturanPage from './pages/Pengaturan.tsx';

export function App() {
  return (
    <SessionGate>
      {({ session, lock, signOut }) => (
        <Layout operator={session} onLock={lock} onSignOut={signOut} statusSlot={<RegistryStatus />}>
          <Routes>
            <Route path="/" element={<Navigate to="/beranda" replace />} />
            <Route path="/beranda" element={<BerandaPage />} />
            <Route path="/beranda/:batchId" element={<BerandaPage />} />
            <Route path="/impor" element={<ImporPage />} />
            <Route path="/koreksi" element={<KoreksiPage />} />
            <Route path="/koreksi/:batchId" element={<KoreksiPage />} />
            <Route path="/laporan" element={<LaporanPage />} />
            <Route path="/pengaturan" element={<PengaturanPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="*" element={<Navigate to="/beranda" replace />} />
          </Routes>
        </Layout>
      )}
    </SessionGate>
  );
}
