import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    // Charts take their container's width: 'padded' gives them the full canvas width, where
    // 'centered' would shrink-wrap them to nothing.
    layout: 'padded',
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
