// Recording fakes of the Electron objects that security.ts hardens. They record what was registered, and the
// tests then fire events at them the way Electron would.
import type {
  ExternalOpener,
  HardenableContents,
  HardenableSession,
  HeadersListener,
  NavigationEvent,
  WebContentsCreatedSource,
} from '../../../electron/security';

type NavigationListener = (event: NavigationEvent, url: string) => void;

export class FakeEvent implements NavigationEvent {
  prevented = false;
  preventDefault(): void {
    this.prevented = true;
  }
}

export class FakeContents implements HardenableContents {
  readonly listeners = new Map<string, NavigationListener[]>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  on(event: string, listener: NavigationListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }

  /** Fires an event like Electron does; returns whether a listener prevented it. */
  fire(event: string, url = ''): boolean {
    const e = new FakeEvent();
    for (const listener of this.listeners.get(event) ?? []) listener(e, url);
    return e.prevented;
  }

  windowOpen(url: string): { action: 'deny' } | null {
    return this.openHandler === null ? null : this.openHandler({ url });
  }
}

export class FakeShell implements ExternalOpener {
  readonly opened: string[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
}

export class FakeApp implements WebContentsCreatedSource {
  readonly created: Array<(event: unknown, contents: HardenableContents) => void> = [];
  on(_event: 'web-contents-created', listener: (event: unknown, contents: HardenableContents) => void): this {
    this.created.push(listener);
    return this;
  }
  createWebContents(): FakeContents {
    const contents = new FakeContents();
    for (const listener of this.created) listener({}, contents);
    return contents;
  }
}

export class FakeSession implements HardenableSession {
  requestHandler: Parameters<HardenableSession['setPermissionRequestHandler']>[0] | null = null;
  checkHandler: Parameters<HardenableSession['setPermissionCheckHandler']>[0] | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: Parameters<HardenableSession['setPermissionRequestHandler']>[0]): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: Parameters<HardenableSession['setPermissionCheckHandler']>[0]): void {
    this.checkHandler = handler;
  }
}
