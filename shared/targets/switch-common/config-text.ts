/**
 * A switch configuration being written line by line, remembering which
 * element each line came from so the preview can link lines to the canvas.
 */
import type { GeneratedFile, TargetId } from '../target.js';

export class ConfigText {
  private readonly lines: string[] = [];
  private readonly owners: (string | undefined)[] = [];

  line(text: string, elementId?: string): this {
    this.lines.push(text);
    this.owners.push(elementId);
    return this;
  }

  toFile(target: TargetId, path: string): GeneratedFile {
    return { target, path, content: `${this.lines.join('\n')}\n`, lineElements: [...this.owners] };
  }
}
