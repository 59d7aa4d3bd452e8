import { describeTenantPasses } from '../../test/support/tenant-passes';

// design.md §6.2, issue 11: every operation, driven through its contract, must keep one
// organization's records out of another's reach (164.308(a)(4): access to ePHI is authorized), and
// every write must leave an audit event of an action it declares (164.312(b)). New routes are
// covered without a new test: a route without a contract, an example or a declared record kind
// fails here.

describeTenantPasses();
