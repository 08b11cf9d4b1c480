import './ui/zod-setup';
import { mount } from 'svelte';
import './ui/app.css';
import App from './ui/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing');
export default mount(App, { target });
