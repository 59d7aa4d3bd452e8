import { Anchor, Text, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMayOpen } from './may-open';

/**
 * A record named as a link where the reader's role may open its page, and as plain text where it
 * may not: a link never leads to "Not open to your role" (the dashboard's rule, everywhere).
 */
export function RecordLink(props: {
  to: string;
  children: ReactNode;
  size?: MantineSize;
  fw?: number;
}) {
  const mayOpen = useMayOpen();
  const { to, children, size = 'sm', fw } = props;
  return mayOpen(to) ? (
    <Anchor component={Link} to={to} size={size} {...(fw === undefined ? {} : { fw })}>
      {children}
    </Anchor>
  ) : (
    <Text span size={size} {...(fw === undefined ? {} : { fw })}>
      {children}
    </Text>
  );
}
