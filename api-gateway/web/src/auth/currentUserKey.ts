export const currentUserKey = ['currentUser'] as const;
