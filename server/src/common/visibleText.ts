import type { ValidationOptions } from 'class-validator'
import { ValidateBy } from 'class-validator'

/**
 * Characters that show nothing: white space (including the ideographic space U+3000), control and format
 * characters (zero-width space and joiners, BOM, bidi marks, soft hyphen), and the blank-looking letters
 * people paste to get past "required" checks (Hangul fillers, the blank Braille pattern).
 */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu

/** True when `value` has at least one character a reader can see. */
export function hasVisibleText(value: string): boolean {
  return value.replace(INVISIBLE, '').length > 0
}

/**
 * Refuses a title, stem, option or name that is empty to the eye (only white space, zero-width or
 * control characters): such a record shows as a blank row nobody can recognise or select. `what` names
 * the field in Chinese and English, e.g. `['标题', 'title']`. Apply with `{ each: true }` to a list.
 */
export function HasVisibleText([zh, en]: readonly [string, string], options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'hasVisibleText',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || hasVisibleText(value),
      defaultMessage: () => `${zh}不能为空，也不能只含空格或不可见字符：请填写内容 (${en} must contain visible text, not only spaces or invisible characters).`,
    },
  }, options)
}
