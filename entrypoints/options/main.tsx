import { render } from 'preact';
import { OptionsApp } from './App';
import '../../lib/ui.css';

render(<OptionsApp />, document.getElementById('app')!);
