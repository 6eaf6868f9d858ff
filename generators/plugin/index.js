// Yeoman finds generators at generators/<name>/index.js; the code is compiled to dist/.
export { default } from '../../dist/generators/plugin/index.js';
