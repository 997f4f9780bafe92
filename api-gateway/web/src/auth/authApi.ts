import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { AuthResponse, CurrentUserResponse, User } from '../api/types';
import { currentUserKey } from './currentUserKey';

export function useCurrentUser() {
  return useQuery({
    queryKey: currentUserKey,
    queryFn: async () => (await api.get<CurrentUserResponse>('/api/users/currentuser')).currentUser,
    staleTime: 60_000,
  });
}

export interface SignUpInput {
  email: string;
  username: string;
  password: string;
}

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SignUpInput) => api.post<AuthResponse>('/api/users/signup', input),
    onSuccess: ({ user }) => switchUser(client, user),
  });
}

export interface SignInInput {
  /** An email address or a username; the form takes either. */
  login: string;
  password: string;
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ login, password }: SignInInput) =>
      api.post<AuthResponse>('/api/users/signin', login.includes('@') ? { email: login, password } : { username: login, password }),
    onSuccess: ({ user }) => switchUser(client, user),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/users/signout'),
    onSuccess: () => switchUser(client, null),
  });
}

/** Orders are per user, so they are dropped whenever the signed-in user changes. */
function switchUser(client: QueryClient, user: User | null) {
  client.removeQueries({ queryKey: ['orders'] });
  client.setQueryData(currentUserKey, user);
}
