import { z } from 'zod';

export const emailSchema = z.email('Enter a valid email address').trim().toLowerCase().max(254);
export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  fullName: z.string().trim().min(1, 'Enter your name').max(120),
  accountName: z.string().trim().min(1, 'Name your shop or brand').max(120),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const logInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
export type LogInInput = z.infer<typeof logInSchema>;
