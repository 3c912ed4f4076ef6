import { render } from 'preact';
import { PopupApp } from './App';
import '../../lib/ui.css';

render(<PopupApp />, document.getElementById('app')!);
