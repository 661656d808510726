import { TRPCError } from '@trpc/server';
import type { z } from 'zod';

/** One problem with a request's input, by field. */
export interface FieldError {
  field: string;
  message: string;
}

/** Thrown by {@link validatedInput}: its message names every bad field; `fieldErrors` lists them. */
export class InputValidationError extends Error {
  readonly fieldErrors: FieldError[];
  constructor(fieldErrors: FieldError[], cause: z.ZodError) {
    super(`Invalid input: ${fieldErrors.map((error) => `${error.field}: ${error.message}`).join('; ')}`, { cause });
    this.name = 'InputValidationError';
    this.fieldErrors = fieldErrors;
  }
}

/**
 * Wraps a zod schema as a tRPC input parser whose failure message names the field
 * (`Invalid input: from: expected a date like 2026-01-31`) instead of a JSON dump of issues.
 * tRPC turns the thrown error into a BAD_REQUEST (HTTP 400) and keeps it as the cause.
 */
export function validatedInput<Schema extends z.ZodType>(schema: Schema) {
  return {
    // Phantom members tRPC reads the input and output types from.
    _input: undefined as unknown as z.input<Schema>,
    _output: undefined as unknown as z.output<Schema>,
    parse(input: unknown): z.output<Schema> {
      const result = schema.safeParse(input);
      if (result.success) return result.data;
      const fieldErrors = result.error.issues.map((issue) => ({
        field: issue.path.length ? issue.path.join('.') : 'input',
        message: issue.message,
      }));
      throw new InputValidationError(fieldErrors, result.error);
    },
  };
}

/** The field errors of a tRPC error caused by {@link validatedInput}, for the error shape. */
export function fieldErrorsOf(error: TRPCError): FieldError[] | undefined {
  return error.cause instanceof InputValidationError ? error.cause.fieldErrors : undefined;
}
