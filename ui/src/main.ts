import { mount } from 'svelte';
import './styles/tokens.css';
import './styles/base.css';
import './styles/print.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');

export default mount(App, { target });
