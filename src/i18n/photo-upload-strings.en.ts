import type { photoUploadStrings } from './photo-upload-strings.ts';
import type { Translation } from './localized.ts';

export const photoUpload: Translation<typeof photoUploadStrings> = {
  label: 'Photo',
  choose: 'Upload a photo',
  replace: 'Change photo',
  uploading: 'Uploading…',
  none: 'No photo yet',
  hint: 'JPEG, PNG, WebP or AVIF, up to 5 MB. Anyone who opens your page sees it.',
  problems: {
    'wrong-type': 'Only a JPEG, PNG, WebP or AVIF photo will do.',
    'too-large': 'The photo is larger than 5 MB. Make it smaller and try again.',
    empty: 'The file is empty. Choose another photo.',
    denied: 'Only a coach can upload a photo for the page.',
    'not-found': 'Photo not found: it may have been removed already.',
    network: 'Cannot reach the server. Check your connection and try again.',
    unexpected: 'The photo could not be uploaded. Please try again.',
  },
};
