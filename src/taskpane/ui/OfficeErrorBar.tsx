/** An error Excel reported, shown with what to do: never swallowed. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { describeOfficeError } from "../plans/office-errors";
import { useT } from "./context";

export function OfficeErrorBar({ error }: { error: unknown }): JSX.Element {
  const t = useT();
  const { code, text } = describeOfficeError(error, t);
  return (
    <MessageBar intent="error" data-testid="office-error" data-code={code}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
