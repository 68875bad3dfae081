import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@lcc/contracts';
import { currentAccessToken, refreshSession } from './client';
import { useSession } from './session';

export type PortalSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Listen = (event: string, listener: (...args: never[]) => void) => void;
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

interface RealtimeContext {
  socket: PortalSocket | null;
  connection: ConnectionState;
}

const Context = createContext<RealtimeContext>({ socket: null, connection: 'connecting' });

/**
 * One socket per signed-in tab. socket.io reconnects by itself; each attempt reads the current access token, and a
 * refusal for an expired token renews it first. Pages rejoin their rooms on every `connect` with `sinceSeq`.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { state } = useSession();
  // A session that must choose a new password is refused a socket: connect once it has.
  const memberId = state.member && !state.member.mustChangePassword ? state.member.id : undefined;
  const [value, setValue] = useState<RealtimeContext>({ socket: null, connection: 'connecting' });

  useEffect(() => {
    if (!memberId) return;
    const socket: PortalSocket = io({
      path: '/socket.io',
      auth: (callback) => callback({ token: currentAccessToken() }),
      transports: ['websocket'],
    });
    setValue({ socket, connection: 'connecting' });
    const connected = () => setValue({ socket, connection: 'connected' });
    const lost = () => setValue({ socket, connection: 'reconnecting' });
    socket.on('connect', connected);
    socket.on('disconnect', lost);
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      lost();
      if (error.data?.code === 'TOKEN_EXPIRED' || error.data?.code === 'UNAUTHORIZED') {
        void refreshSession().then((pair) => pair && socket.connect());
      }
    });
    const away = () => socket.emit('presence.set', { status: document.hidden ? 'away' : 'online' }, () => undefined);
    document.addEventListener('visibilitychange', away);
    return () => {
      document.removeEventListener('visibilitychange', away);
      socket.disconnect();
      setValue({ socket: null, connection: 'connecting' });
    };
  }, [memberId]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useRealtime(): RealtimeContext {
  return useContext(Context);
}

/** Subscribes to one server event for the life of the component. */
export function useSocketEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]) {
  const { socket } = useRealtime();
  useEffect(() => {
    if (!socket) return;
    // socket.io's conditional listener types do not narrow on a generic event name.
    const untyped = socket as unknown as { on: Listen; off: Listen };
    untyped.on(event, handler);
    return () => {
      untyped.off(event, handler);
    };
  }, [socket, event, handler]);
}

/** Emits with acknowledgement and resolves with the ack (`{ ok: false }` included). */
export function emitAck<E extends keyof ClientToServerEvents>(
  socket: PortalSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  return new Promise((resolve) => {
    const emit = socket.emit.bind(socket) as (
      name: string,
      body: unknown,
      ack: (result: Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]) => void,
    ) => void;
    emit(event, payload, resolve);
  });
}
