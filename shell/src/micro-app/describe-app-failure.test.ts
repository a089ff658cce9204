import { MosaicError, MosaicErrorCode } from '@mosaic/build-kit';
import { describe, expect, it } from 'vitest';
import { ShellError, ShellErrorCode } from '../shell-error.js';
import { describeAppFailure } from './describe-app-failure.js';

describe('describeAppFailure', () => {
  it('calls a protocol mismatch outdated, from the shell or from the app', () => {
    const shell = new ShellError(ShellErrorCode.PROTOCOL_MISMATCH, 'speaks 2');
    const app = new MosaicError(MosaicErrorCode.PROTOCOL_MISMATCH, 'speaks 1');
    expect(describeAppFailure(shell, 'load')).toBe('outdated');
    expect(describeAppFailure(app, 'mount')).toBe('outdated');
  });

  it('calls missing files and no answer a download failure', () => {
    const missing = new ShellError(ShellErrorCode.APP_FETCH_FAILED, 'HTTP 404', { status: 404 });
    const offline = new TypeError("application 'x' died in status LOADING: Failed to fetch");
    expect(describeAppFailure(missing, 'load')).toBe('download');
    expect(describeAppFailure(offline, 'load')).toBe('download');
  });

  it('tells a throwing mount from a crash after mounting', () => {
    const error = new Error("parcel 'mosaic_x' died in status NOT_MOUNTED: boom");
    expect(describeAppFailure(error, 'mount')).toBe('start');
    expect(describeAppFailure(error, 'runtime')).toBe('crash');
    expect(describeAppFailure('boom', 'render')).toBe('crash');
  });
});
