import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootstrapEnvironment } from './app/environment';
import { loadScenario } from './app/loadScenario';
import { syncStepToUrl } from './app/urlStep';
import { StoreProvider } from './store/StoreContext';
import './styles/app.css';

const store = bootstrapEnvironment(window);
syncStepToUrl(store, window);
void loadScenario(window, store);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
