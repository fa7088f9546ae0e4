import { render } from 'preact';

function Audit() {
  return (
    <main>
      <h1>Leakless self-audit</h1>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Audit />, root);
