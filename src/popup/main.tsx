import { render } from 'preact';

function Popup() {
  return (
    <main>
      <h1>Leakless</h1>
      <p id="status">Checking…</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
